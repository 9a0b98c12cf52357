import { describe, expect, it } from "vitest";
import { ofName, toName } from "@/lib/french";

describe("ofName", () => {
  it("contracts the name's article and elides before a vowel", () => {
    expect(ofName("Claire Martin")).toBe("de Claire Martin");
    expect(ofName("Alice Moreau")).toBe("d'Alice Moreau");
    expect(ofName("Inès Benali")).toBe("d'Inès Benali");
    expect(ofName("Émilie Roux")).toBe("d'Émilie Roux");
    expect(ofName("Le Relais")).toBe("du Relais");
    expect(ofName("Les Jardins Solidaires")).toBe("des Jardins Solidaires");
    expect(ofName("La Recyclerie du Nord")).toBe("de La Recyclerie du Nord");
    expect(ofName("L'Atelier")).toBe("de L'Atelier");
    expect(ofName("Hugo Fontaine")).toBe("de Hugo Fontaine");
    // A name that merely starts with the letters of an article keeps them.
    expect(ofName("Lesage Tri")).toBe("de Lesage Tri");
  });
});

describe("toName", () => {
  it("contracts the name's article", () => {
    expect(toName("Les Jardins Solidaires")).toBe("aux Jardins Solidaires");
    expect(toName("Le Relais")).toBe("au Relais");
    expect(toName("La Recyclerie du Nord")).toBe("à La Recyclerie du Nord");
    expect(toName("Emmaüs Lille")).toBe("à Emmaüs Lille");
    expect(toName("Lesage Tri")).toBe("à Lesage Tri");
  });
});
