"""E-mail through Django's mail settings: a note to the editors, a confirmation to a proposer.

The editors' note names the page and links to the admin; the reader's address and text stay in
the admin. A failing mail server never loses a message (it is already stored) and is logged
without any address.
"""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import send_mail

logger = logging.getLogger("feedback.mail")


def _send(subject: str, body: str, recipients: list[str]) -> bool:
    if not recipients or "default" not in settings.MAILERS:
        return False
    try:
        send_mail(subject, body, None, recipients)
    except (SMTPException, OSError) as error:
        logger.warning("E-mail niet verstuurd: %s", type(error).__name__)
        return False
    return True


def tell_editors(what: str, admin_url: str) -> bool:
    body = (
        f"Er is een nieuwe {what} binnengekomen op Buurtwijs.\n\n"
        f"Bekijk en behandel hem in het beheer: {admin_url}\n"
    )
    return _send(f"Buurtwijs: nieuwe {what}", body, settings.FEEDBACK_NOTIFY_EMAILS)


def confirm_proposal(proposal) -> bool:
    body = (
        f"Beste {proposal.proposer_name},\n\n"
        f"Dank u voor uw voorstel om {proposal.city_name} op Buurtwijs te zetten. "
        "Een redacteur bekijkt het en de bronnen die u noemde; als er vragen zijn, mailen we u. "
        "Pas als de redactie het profiel heeft gecontroleerd, wordt het gepubliceerd.\n\n"
        f"Uw gegevens bewaren we tot {settings.FEEDBACK_RETENTION_DAYS} dagen nadat uw voorstel "
        "is afgehandeld.\n\nDe redactie van Buurtwijs\n"
    )
    return _send(f"Uw voorstel voor {proposal.city_name} op Buurtwijs", body, [proposal.email])
