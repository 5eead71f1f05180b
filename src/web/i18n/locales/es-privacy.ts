/** La privacidad de los miembros (docs/design/record.md, "Personal data"). */
export const esPrivacy = {
  person: {
    former: 'antiguo miembro',
    withheld: 'miembro {id}',
  },
  privacy: {
    title: 'Mis datos personales',
    lead: 'El registro solo le identifica con un número de miembro; su nombre queda en el directorio privado de este servidor y lo ven los miembros de sus organizaciones. Puede descargar todo lo que este servidor guarda sobre usted o pedir que se borre.',
    download: 'Descargar mis datos (JSON)',
    eraseTitle: 'Borrar mi cuenta',
    eraseHelp:
      'Usted deja todas las organizaciones (sus mandatos terminan, como al darse de baja), se borran su nombre y sus sales y desaparece su cuenta. El registro conserva cada entrada tal como estaba, pero ya nadie podrá saber que eran suyas: las páginas mostrarán «antiguo miembro». No se puede deshacer.',
    eraseConfirm: 'Lo entiendo: borrar mi cuenta y mi nombre para siempre.',
    password: 'Su contraseña, para confirmar',
    erase: 'Borrar mi cuenta',
    showName: 'Mostrar mi nombre a personas de fuera de la organización',
    showNameHint:
      'Los miembros siempre ven su nombre, y quien pueda leer el registro ve los nombres de delegados y cargos. Si no, su nombre no sale de la organización.',
    onRecord:
      'Este texto queda en el registro de la organización tal como lo escriba, a la vista de quien pueda leer el registro: no incluya datos personales.',
  },
};
