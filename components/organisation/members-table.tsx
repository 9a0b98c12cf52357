"use client";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/organizations/actions";
import { MEMBER_ROLE_LABELS, type MemberRole } from "@/lib/organizations/member-validation";
import { personName } from "@/lib/people";
import { TableFrame } from "@/components/table-frame";

export interface MemberRow {
  membershipId: string;
  firstName: string;
  lastName: string;
  email: string;
  role: MemberRole;
  isSelf: boolean;
}

type Notice = { severity: "success" | "error"; message: string };

/**
 * « Membres de l'organisation ». Admins change roles and remove members from each row; removing
 * asks for a confirmation in the row first. The feedback sits above the table, because a removed
 * member's row leaves it, and takes the focus so a keyboard user is not left on nothing.
 */
export function MembersTable({ members, caption, canManage }: { members: MemberRow[]; caption: string; canManage: boolean }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const feedback = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (notice) feedback.current?.focus();
  }, [notice]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  async function run(call: () => Promise<{ ok: true; message: string } | { ok: false; error: string }>) {
    if (pending) return;
    // Cleared first, so that the same message is announced again.
    setNotice(null);
    setPending(true);
    const result = await call().catch(() => null);
    setPending(false);
    setConfirming(null);
    setNotice(
      result?.ok
        ? { severity: "success", message: result.message }
        : {
            severity: "error",
            message: result?.error ?? "Le changement n'a pas pu être enregistré. Vérifiez votre connexion et réessayez.",
          },
    );
  }

  function actions(member: MemberRow) {
    const name = personName(member);
    if (member.isSelf) return <span className="fr-hint-text fr-mt-0">Un autre administrateur peut modifier votre accès.</span>;
    if (confirming === member.membershipId) {
      return (
        <div role="group" aria-label={`Retirer ${name} de l'organisation`}>
          <p className="fr-text--sm fr-mb-1w">
            {name} n&apos;aura plus accès aux candidatures de l&apos;organisation. Ses candidatures et décisions restent.
          </p>
          <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
            <li>
              <button
                ref={confirmButton}
                type="button"
                className="fr-btn fr-btn--sm"
                aria-disabled={pending}
                onClick={() => run(() => removeMemberAction({ membershipId: member.membershipId }))}
              >
                Confirmer le retrait
              </button>
            </li>
            <li>
              <Button type="button" size="small" priority="secondary" onClick={() => setConfirming(null)}>
                Annuler
              </Button>
            </li>
          </ul>
        </div>
      );
    }
    const nextRole: MemberRole = member.role === "ADMIN" ? "MEMBER" : "ADMIN";
    return (
      <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
        <li>
          <Button
            type="button"
            size="small"
            priority="secondary"
            nativeButtonProps={{ "aria-disabled": pending }}
            onClick={() => run(() => changeMemberRoleAction({ membershipId: member.membershipId, role: nextRole }))}
          >
            {nextRole === "ADMIN" ? "Nommer administrateur" : "Retirer le rôle d'administrateur"}
            <span className="fr-sr-only">&nbsp;: {name}</span>
          </Button>
        </li>
        <li>
          <Button
            type="button"
            size="small"
            priority="tertiary"
            onClick={() => {
              setNotice(null);
              setConfirming(member.membershipId);
            }}
          >
            Retirer de l&apos;organisation<span className="fr-sr-only">&nbsp;: {name}</span>
          </Button>
        </li>
      </ul>
    );
  }

  return (
    <>
      <div ref={feedback} tabIndex={-1} aria-live="polite" role="status">
        {notice && <Alert severity={notice.severity} small className="fr-mb-3w" description={notice.message} />}
      </div>
      {/* On a phone the table scrolls in its own box, which the keyboard reaches even with no button in it. */}
      <TableFrame scrollLabel={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Membre</th>
              <th scope="col">Rôle</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.membershipId}>
                <th scope="row" className="fr-cell--multiline">
                  {personName(member)}
                  {member.isSelf && " (vous)"}
                  {/* Under the name, not in a column of its own: the table then fits a phone. */}
                  <span className="fr-hint-text">{member.email}</span>
                </th>
                {/* The admin's buttons under the role, not in a column of their own: in view on a phone. */}
                <td className="fr-cell--multiline">
                  {MEMBER_ROLE_LABELS[member.role]}
                  {canManage && <div className="fr-mt-1w">{actions(member)}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
