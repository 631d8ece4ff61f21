// One way to write a child everywhere — pages, lists, e-mails, the journal: the guide's
// « NOM PRÉNOM » in capitals (« TEST JULIEN »).
export function childName(child: { lastName: string; firstName: string }): string {
  return `${child.lastName.trim()} ${child.firstName.trim()}`.trim().toUpperCase();
}
