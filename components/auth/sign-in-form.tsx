"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { requestSignInLink } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/validation";
import { SIGN_IN_LINK_VALIDITY_LABEL } from "@/lib/auth/sign-in-link";

export function SignInForm() {
  // The form posts to the server action even before hydration; once hydrated, the same zod
  // schema checks the field in the browser first.
  const [state, formAction, isPending] = useActionState(requestSignInLink, null);
  const {
    register,
    handleSubmit,
    formState: { errors },
    // No default value: registering then keeps what was typed before hydration (react-hook-form
    // reads the field instead of resetting it to "").
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema) });
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
        hintText={`Votre adresse professionnelle. Vous recevrez un lien de connexion valable ${SIGN_IN_LINK_VALIDITY_LABEL}.`}
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
