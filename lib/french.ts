/**
 * "de" and "à" before a name, as French writes them: contracted with the name's own article
 * (« aux Jardins Solidaires », « du Relais ») and "de" elided before a vowel (« d'Alice Moreau »).
 * Names are people's and organisations' as typed; an "h" is left alone: muet or aspiré cannot be told from the name.
 */
const VOWEL = /^[aeiouyàâäéèêëîïôöùûüÿœæ]/i;
const ARTICLE = /^(Le|Les)\s+(?=\S)/i;

/** « de » + name: « de Claire Martin », « d'Inès Benali », « du Relais », « des Jardins Solidaires ». */
export function ofName(name: string): string {
  const article = ARTICLE.exec(name);
  if (article) return `${article[1]!.toLowerCase() === "le" ? "du" : "des"} ${name.slice(article[0].length)}`;
  return VOWEL.test(name) ? `d'${name}` : `de ${name}`;
}

/** « à » + name: « à La Recyclerie du Nord », « au Relais », « aux Jardins Solidaires ». */
export function toName(name: string): string {
  const article = ARTICLE.exec(name);
  if (article) return `${article[1]!.toLowerCase() === "le" ? "au" : "aux"} ${name.slice(article[0].length)}`;
  return `à ${name}`;
}

/** "« label »", with the non-breaking spaces French typography asks for: no line starts with a lone ». */
export function quoted(value: string): string {
  return `«\u00a0${value}\u00a0»`;
}
