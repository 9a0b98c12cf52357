"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { requestSignInLink } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/validation";

export function SignInForm() {
  // The form posts to the server action even before hydration; once hydrated, the same zod
  // schema checks the field in the browser first.
  const [state, formAction, isPending] = useActionState(requestSignInLink, null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "" } });
  const serverError = state && "error" in state ? state.error : undefined;
  const message = errors.email?.message ?? serverError;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    void handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Connexion par lien e-mail">
      <Input
        label="Adresse e-mail"
        hintText="Votre adresse professionnelle. Vous recevrez un lien de connexion valable 24 heures."
        state={message ? "error" : "default"}
        stateRelatedMessage={message}
        nativeInputProps={{ type: "email", autoComplete: "email", spellCheck: false, required: true, ...register("email") }}
      />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Envoi en cours…" : "Recevoir un lien de connexion"}
      </Button>
    </form>
  );
}
