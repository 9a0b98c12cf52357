"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { addMemberAction } from "@/lib/organizations/actions";
import { addMemberSchema, MEMBER_ROLE_LABELS, type AddMemberFormValues, type AddMemberInput } from "@/lib/organizations/member-validation";
import { fieldState, setServerFieldErrors } from "@/components/applications/decision-form-kit";

// Cleared before each submission, so that the same message is announced again.
type Notice = { severity: "success" | "error"; message: string };

const EMPTY: AddMemberFormValues = { email: "", firstName: "", lastName: "", role: "MEMBER" };

/** « Ajouter un membre », for the organisation's admins: access is given at once, and the person is told by e-mail. */
export function AddMemberForm({ organizationName }: { organizationName: string }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<AddMemberFormValues, unknown, AddMemberInput>({ resolver: zodResolver(addMemberSchema), defaultValues: EMPTY });
  const {
    register,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setNotice(null);
    const result = await addMemberAction(values).catch(() => null);
    if (result?.ok) {
      reset(EMPTY);
      setNotice({
        severity: "success",
        message: `${result.name} ${result.reactivated ? "a de nouveau" : "a maintenant"} accès à ${organizationName}. Un e-mail lui indique comment se connecter.`,
      });
      return;
    }
    setNotice({
      severity: "error",
      message: result?.error ?? "La personne n'a pas pu être ajoutée. Vérifiez votre connexion et réessayez.",
    });
    setServerFieldErrors(setError, result?.fieldErrors);
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <Input
        label="Adresse e-mail professionnelle"
        hintText="Celle avec laquelle la personne se connectera. Si elle a déjà un compte, ses prénom et nom restent les siens."
        nativeInputProps={{ ...register("email"), type: "email", autoComplete: "off", spellCheck: false }}
        {...fieldState(errors.email?.message)}
      />
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Prénom"
            nativeInputProps={{ ...register("firstName"), autoComplete: "off" }}
            {...fieldState(errors.firstName?.message)}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Nom"
            nativeInputProps={{ ...register("lastName"), autoComplete: "off" }}
            {...fieldState(errors.lastName?.message)}
          />
        </div>
      </div>
      <RadioButtons
        legend="Rôle"
        options={[
          {
            label: MEMBER_ROLE_LABELS.MEMBER,
            hintText: "Voit et traite les candidatures de l'organisation.",
            nativeInputProps: { ...register("role"), value: "MEMBER" },
          },
          {
            label: MEMBER_ROLE_LABELS.ADMIN,
            hintText: "Gère aussi les membres, les coordonnées de l'organisation et les e-mails non remis.",
            nativeInputProps: { ...register("role"), value: "ADMIN" },
          },
        ]}
        {...fieldState(errors.role?.message)}
      />
      <div aria-live="polite" role="status">
        {notice?.severity === "success" && <Alert severity="success" small description={notice.message} className="fr-mb-3w" />}
      </div>
      {notice?.severity === "error" && <Alert severity="error" small description={notice.message} className="fr-mb-3w" role="alert" />}
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's top. */}
      <button type="submit" className="fr-btn" aria-disabled={isSubmitting}>
        Ajouter à l&apos;organisation
      </button>
    </form>
  );
}
