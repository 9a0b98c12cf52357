"use client";
import { useFormContext } from "react-hook-form";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { SendApplicationFormValues } from "@/lib/applications/send-validation";

const TOP = { alignSelf: "flex-start" } as const;

/** "Nouveau candidat": names required, the rest optional. */
export function NewCandidateFields() {
  const {
    register,
    formState: { errors },
  } = useFormContext<SendApplicationFormValues>();
  const state = (name: keyof SendApplicationFormValues) => ({
    state: errors[name] ? ("error" as const) : ("default" as const),
    stateRelatedMessage: errors[name]?.message,
  });

  return (
    <>
      <div className="fr-fieldset__element fr-fieldset__element--inline fr-col-12 fr-col-md-5">
        <Input
          label="Prénom"
          {...state("firstName")}
          nativeInputProps={{ autoComplete: "off", "aria-required": true, ...register("firstName") }}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline fr-col-12 fr-col-md-5">
        <Input
          label="Nom"
          {...state("lastName")}
          nativeInputProps={{ autoComplete: "off", "aria-required": true, ...register("lastName") }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label="Adresse e-mail du candidat (facultatif)"
          hintText="Le candidat recevra un e-mail à chaque étape, avec un lien personnel pour suivre sa candidature."
          {...state("email")}
          nativeInputProps={{ type: "email", autoComplete: "off", spellCheck: false, ...register("email") }}
        />
      </div>
      {/* Top-aligned: the DSFR's fieldset lines up last baselines, and a date input's is not a text
          input's, which set these two 7 px apart. Both have a one-line hint, so the inputs line up. */}
      <div className="fr-fieldset__element fr-fieldset__element--inline fr-col-12 fr-col-md-5" style={TOP}>
        <Input
          label="Téléphone (facultatif)"
          hintText="Par exemple&nbsp;: 06 12 34 56 78"
          {...state("phone")}
          nativeInputProps={{ type: "tel", autoComplete: "off", ...register("phone") }}
        />
      </div>
      <div className="fr-fieldset__element fr-fieldset__element--inline fr-col-12 fr-col-md-5" style={TOP}>
        <Input
          label="Date de naissance (facultatif)"
          hintText="Au format JJ/MM/AAAA"
          {...state("birthDate")}
          nativeInputProps={{ type: "date", ...register("birthDate") }}
        />
      </div>
    </>
  );
}
