"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { saveOrganizationContactAction } from "@/lib/organizations/actions";
import {
  organizationContactSchema,
  type OrganizationContactFormValues,
  type OrganizationContactInput,
} from "@/lib/organizations/validation";
import { fieldState, setServerFieldErrors } from "@/components/applications/decision-form-kit";

// The key replays the success message when the same details are saved twice.
type Notice = { severity: "success"; message: string; key: number } | { severity: "error"; message: string };

/** The admins' form of « Coordonnées de l'organisation » (the others read them on the same page). */
export function OrganizationContactForm({ initial, isEmployer }: { initial: OrganizationContactFormValues; isEmployer: boolean }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<OrganizationContactFormValues, unknown, OrganizationContactInput>({
    resolver: zodResolver(organizationContactSchema),
    defaultValues: initial,
  });
  const {
    register,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  const submit = form.handleSubmit(async (values) => {
    setNotice(null);
    const result = await saveOrganizationContactAction(values).catch(() => null);
    if (result?.ok) {
      setNotice({ severity: "success", message: "Les coordonnées de l'organisation sont enregistrées.", key: result.savedAt });
      return;
    }
    setNotice({
      severity: "error",
      message: result?.error ?? "Les coordonnées n'ont pas pu être enregistrées. Vérifiez votre connexion et réessayez.",
    });
    setServerFieldErrors(setError, result?.fieldErrors);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Coordonnées de l'organisation">
      <Input
        label="Adresse e-mail de contact (facultatif)"
        hintText={
          isEmployer
            ? "Donnée aux prescripteurs quand vous déclinez une candidature pour un autre motif."
            : "Donnée aux candidats quand la personne qui les accompagnait a quitté l'organisation."
        }
        nativeInputProps={{ ...register("contactEmail"), type: "email", autoComplete: "email", spellCheck: false }}
        {...fieldState(errors.contactEmail?.message)}
      />
      <Input
        label="Téléphone de contact (facultatif)"
        hintText="Par exemple 03 20 00 00 00"
        nativeInputProps={{ ...register("contactPhone"), type: "tel", autoComplete: "tel" }}
        {...fieldState(errors.contactPhone?.message)}
      />
      <div aria-live="polite" role="status">
        {notice?.severity === "success" && (
          <Alert key={notice.key} severity="success" small description={notice.message} className="fr-mb-3w" />
        )}
      </div>
      {notice?.severity === "error" && <Alert severity="error" small description={notice.message} className="fr-mb-3w" role="alert" />}
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's top. */}
      <button type="submit" className="fr-btn" aria-disabled={isSubmitting}>
        Enregistrer les coordonnées
      </button>
    </form>
  );
}
