"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { requestSignInLink } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/validation";

export function SignInForm() {
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setServerError(null);
    const result = await requestSignInLink(values);
    if (result && "error" in result) setServerError(result.error);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Connexion par lien e-mail">
      {serverError && <Alert severity="error" small description={serverError} className="fr-mb-3w" />}
      <Input
        label="Adresse e-mail"
        hintText="Votre adresse professionnelle. Vous recevrez un lien de connexion valable 24 heures."
        state={errors.email ? "error" : "default"}
        stateRelatedMessage={errors.email?.message}
        nativeInputProps={{ type: "email", autoComplete: "email", spellCheck: false, ...register("email") }}
      />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Envoi en cours…" : "Recevoir un lien de connexion"}
      </Button>
    </form>
  );
}
