#include "portal/i18n/ui_text.h"

#include "webapp/i18n/translation.h"

namespace isp::portal {
namespace {

struct Entry {
    Text id;
    std::string_view fr;
    std::string_view en;
};

// Listed in the order of the enum; checked at compile time below.
constexpr Entry entries[] = {
    {Text::PortalTitle, "Espace client", "Customer portal"},
    {Text::LoadingPortal, "Chargement du portail\u2026", "Loading the portal\u2026"},
    {Text::LoadingOffers, "Chargement des offres\u2026", "Loading offers\u2026"},
    {Text::LoadingDraft, "Chargement de votre brouillon\u2026", "Loading your draft\u2026"},
    {Text::ServerUnreachable, "Impossible de joindre le serveur. V\u00e9rifiez votre connexion puis r\u00e9essayez.",
     "The server cannot be reached. Check your connection, then try again."},
    {Text::ServerError, "Le serveur a rencontr\u00e9 un probl\u00e8me. R\u00e9essayez dans un instant.",
     "The server ran into a problem. Try again in a moment."},
    {Text::PortalUnavailable, "Portail indisponible", "Portal unavailable"},
    {Text::Retry, "R\u00e9essayer", "Try again"},
    {Text::OffersHeading, "Choisissez votre offre", "Choose your offer"},
    {Text::OffersIntro, "Prix par mois, hors taxes (HT) et toutes taxes comprises (TTC).",
     "Prices per month, before tax and with tax included."},
    {Text::ExclTaxPerMonth, "HT / mois", "excl. tax / month"},
    {Text::InclTaxPerMonth, "TTC / mois", "incl. tax / month"},
    {Text::MinCommitment, "Engagement minimum : {} mois", "Minimum commitment: {} months"},
    {Text::ChooseOffer, "Choisir cette offre", "Choose this offer"},
    {Text::NoOffers, "Aucune offre n'est disponible pour le moment.", "No offer is available at the moment."},
    {Text::DetailsHeading, "Vos informations", "Your details"},
    {Text::SelectedOffer, "Offre choisie", "Selected offer"},
    {Text::ChangeOffer, "Changer d'offre", "Change offer"},
    {Text::Commitment, "Dur\u00e9e d'engagement", "Commitment"},
    {Text::NoCommitment, "Sans engagement", "No commitment"},
    {Text::Months, "{} mois", "{} months"},
    {Text::AllFieldsRequired, "Tous les champs sont obligatoires.", "All fields are required."},
    {Text::SaveDraft, "Enregistrer le brouillon", "Save draft"},
    {Text::SavingDraft, "Enregistrement du brouillon\u2026", "Saving the draft\u2026"},
    {Text::DraftSaved, "Brouillon enregistr\u00e9. Reprenez-le plus tard avec ce lien (valable {} jours) :",
     "Draft saved. Continue later with this link (valid for {} days):"},
    {Text::CopyLink, "Copier le lien", "Copy link"},
    {Text::LinkCopied, "Lien copi\u00e9", "Link copied"},
    {Text::UnsavedChanges, "Vos derni\u00e8res modifications ne sont pas encore enregistr\u00e9es dans le brouillon.",
     "Your latest changes are not saved in the draft yet."},
    {Text::Submit, "Valider la souscription", "Submit my subscription"},
    {Text::Submitting, "Envoi de votre souscription\u2026", "Sending your subscription\u2026"},
    {Text::FixFields, "Veuillez corriger les champs signal\u00e9s.", "Please correct the fields marked in red."},
    {Text::NetworkRetry, "La connexion a \u00e9chou\u00e9. Vos informations sont conserv\u00e9es : r\u00e9essayez.",
     "The connection failed. Your details are kept: please try again."},
    {Text::RequestRejected, "Votre demande n'a pas pu \u00eatre enregistr\u00e9e.",
     "Your request could not be recorded."},
    {Text::DraftNotFound, "Ce brouillon est introuvable. Vous pouvez commencer une nouvelle souscription.",
     "This draft cannot be found. You can start a new subscription."},
    {Text::DraftExpired, "Ce brouillon a expir\u00e9. Vous pouvez commencer une nouvelle souscription.",
     "This draft has expired. You can start a new subscription."},
    {Text::ConfirmationHeading, "Votre contrat est enregistr\u00e9", "Your contract is registered"},
    {Text::ConfirmationNote, "Conservez ce num\u00e9ro : il vous sera demand\u00e9 pour toute d\u00e9marche.",
     "Keep this number: you will be asked for it in any request."},
    {Text::ContractNumber, "Num\u00e9ro de contrat", "Contract number"},
    {Text::Offer, "Offre", "Offer"},
    {Text::StartDate, "Date de d\u00e9but", "Start date"},
    {Text::MonthlyPrice, "Prix mensuel", "Monthly price"},
    {Text::DownloadContract, "T\u00e9l\u00e9charger le contrat (PDF)", "Download contract (PDF)"},
    {Text::NewSignup, "Nouvelle souscription", "New subscription"},
    {Text::ExistingCustomer, "Je suis d\u00e9j\u00e0 client", "I am already a customer"},
    {Text::ExistingCustomerIntro,
     "D\u00e9j\u00e0 abonn\u00e9 ? Consultez vos abonnements, changez d'offre, t\u00e9l\u00e9chargez vos contrats.",
     "Already a subscriber? See your subscriptions, change plan, download your contracts."},
    {Text::VerifyHeading, "Identifiez-vous", "Verify your identity"},
    {Text::VerifyIntro, "Saisissez votre CIN et le num\u00e9ro d'une ligne de votre abonnement.",
     "Enter your CIN and the number of a line of your subscription."},
    {Text::VerifyCinLabel, "CIN (carte d'identit\u00e9 nationale)", "CIN (national identity card)"},
    {Text::VerifyLineLabel, "Num\u00e9ro de ligne", "Line number"},
    {Text::VerifyLineHint, "Mobile ou fixe (06 12 34 56 78), ou r\u00e9f\u00e9rence de ligne Internet",
     "Mobile or landline (06 12 34 56 78), or Internet line reference"},
    {Text::Verify, "V\u00e9rifier", "Verify"},
    {Text::Verifying, "V\u00e9rification\u2026", "Verifying\u2026"},
    {Text::BackToOffers, "Retour aux offres", "Back to the offers"},
    {Text::VerificationFailed, "Ce CIN et ce num\u00e9ro de ligne ne correspondent \u00e0 aucun abonnement.",
     "This CIN and line number do not match any subscription."},
    {Text::TooManyAttempts, "Trop de tentatives. R\u00e9essayez dans {} secondes.",
     "Too many attempts. Try again in {} seconds."},
    {Text::SessionExpired,
     "Votre session a expir\u00e9. Identifiez-vous \u00e0 nouveau : ce que vous faisiez est conserv\u00e9.",
     "Your session has expired. Verify your identity again: what you were doing is kept."},
    {Text::SessionInvalid, "Votre session n'est plus valable. Identifiez-vous \u00e0 nouveau.",
     "Your session is no longer valid. Verify your identity again."},
    {Text::VerifiedContinue, "Identit\u00e9 v\u00e9rifi\u00e9e. Vous pouvez reprendre votre changement d'offre.",
     "Identity verified. You can continue your plan change."},
    {Text::DashboardHeading, "Bonjour {}", "Hello {}"},
    {Text::DashboardIntro, "Vos abonnements", "Your subscriptions"},
    {Text::LoadingSubscriptions, "Chargement de vos abonnements\u2026", "Loading your subscriptions\u2026"},
    {Text::NoSubscriptions, "Aucun abonnement n'est enregistr\u00e9 \u00e0 votre nom.",
     "No subscription is registered in your name."},
    {Text::Line, "Ligne", "Line"},
    {Text::Service, "Service", "Service"},
    {Text::CommitmentEnd, "Fin d'engagement", "Commitment ends"},
    {Text::ChangePlan, "Changer d'offre", "Change plan"},
    {Text::PreparingDocument, "Pr\u00e9paration du document\u2026", "Preparing the document\u2026"},
    {Text::PlanChangeHeading, "Changer d'offre", "Change plan"},
    {Text::CurrentOffer, "Offre actuelle", "Current offer"},
    {Text::ChooseNewOffer, "Choisissez la nouvelle offre", "Choose the new offer"},
    {Text::Upgrade, "Mont\u00e9e en gamme", "Upgrade"},
    {Text::Downgrade, "Baisse de gamme", "Downgrade"},
    {Text::DifferencePerMonth, "{} HT / mois", "{} excl. tax / month"},
    {Text::NoEligibleOffers, "Aucune autre offre n'est disponible pour cet abonnement.",
     "No other offer is available for this subscription."},
    {Text::EffectiveDate, "Date d'effet", "Effective date"},
    {Text::EffectiveDateHint, "AAAA-MM-JJ, au plus tard dans 90 jours", "YYYY-MM-DD, at most 90 days ahead"},
    {Text::ConfirmChange, "Confirmer le changement", "Confirm the change"},
    {Text::SubmittingChange, "Enregistrement du changement\u2026", "Recording the change\u2026"},
    {Text::Back, "Retour", "Back"},
    {Text::PlanChangedHeading, "Votre changement d'offre est enregistr\u00e9", "Your plan change is recorded"},
    {Text::NewOffer, "Nouvelle offre", "New offer"},
    {Text::ContractVersion, "Version du contrat", "Contract version"},
    {Text::BackToSubscriptions, "Retour \u00e0 mes abonnements", "Back to my subscriptions"},
    {Text::MyInvoices, "Mes factures", "My invoices"},
    {Text::InvoicesHeading, "Vos factures", "Your invoices"},
    {Text::LoadingInvoices, "Chargement de vos factures\u2026", "Loading your invoices\u2026"},
    {Text::NoInvoices, "Aucune facture pour le moment.", "No invoice yet."},
    {Text::NoInvoicesWithStatus, "Aucune facture avec ce statut.", "No invoice with this status."},
    {Text::FilterAll, "Toutes", "All"},
    {Text::StatusOpen, "\u00c0 payer", "To pay"},
    {Text::StatusPartiallyPaid, "Partiellement pay\u00e9e", "Partly paid"},
    {Text::StatusPaid, "Pay\u00e9e", "Paid"},
    {Text::StatusOverdue, "En retard", "Overdue"},
    {Text::DueOn, "\u00c9ch\u00e9ance : {}", "Due: {}"},
    {Text::InvoiceTotal, "Total TTC", "Total incl. tax"},
    {Text::Outstanding, "Reste \u00e0 payer", "Amount due"},
    {Text::ShowDetails, "D\u00e9tails", "Details"},
    {Text::HideDetails, "Masquer le d\u00e9tail", "Hide details"},
    {Text::DownloadInvoice, "T\u00e9l\u00e9charger (PDF)", "Download (PDF)"},
    {Text::LastTwelveMonths, "Vos 12 derniers mois (TTC)", "Your last 12 months (incl. tax)"},
    {Text::LineDays, "{} jours", "{} days"},
    {Text::FirstInvoicePreview, "Votre facture de {} avec ce changement", "Your invoice for {} with this change"},
    {Text::AddLine, "Ajouter une ligne", "Add a line"},
    {Text::AddingLineFor,
     "{}, vous ajoutez une ligne \u00e0 votre compte : vos coordonn\u00e9es sont d\u00e9j\u00e0 connues.",
     "{}, you are adding a line to your account: your details are already on file."},
    {Text::CancelAddLine, "Annuler l'ajout de ligne", "Cancel adding a line"},
    {Text::VerifyIdentity, "M'identifier comme client", "Verify that it is me"},
    {Text::VerifyToAddLine,
     "Identifiez-vous pour ajouter cette ligne \u00e0 votre compte : l'offre et la ligne choisies sont "
     "conserv\u00e9es.",
     "Verify your identity to add this line to your account: the offer and line you chose are kept."},
    {Text::NoWebGL, "Votre navigateur ne peut pas afficher le portail (WebGL 2 n\u00e9cessaire).",
     "Your browser cannot display the portal (WebGL 2 is required)."},
    {Text::ScheduledChanges, "Changements programm\u00e9s", "Scheduled changes"},
    {Text::ScheduledTermination, "R\u00e9siliation le {}", "Termination on {}"},
    {Text::ScheduledSuspension, "Suspension le {}", "Suspension on {}"},
    {Text::ScheduledResumption, "R\u00e9tablissement le {}", "Resumption on {}"},
    {Text::ScheduledOfferChange, "Changement d'offre le {}", "Offer change on {}"},
    {Text::CancelScheduledChange, "Annuler ce changement", "Cancel this change"},
    {Text::ScheduledChangeCancelled, "Le changement programm\u00e9 est annul\u00e9.",
     "The scheduled change is cancelled."},
    {Text::CancelSubscription, "R\u00e9silier l'abonnement", "Cancel subscription"},
    {Text::CancellationHeading, "R\u00e9silier votre abonnement", "Cancel your subscription"},
    {Text::CancelAtCommitmentEnd, "\u00c0 la fin de l'engagement, le {}", "At the end of the commitment, on {}"},
    {Text::CancelEarlier, "\u00c0 une date choisie", "On a date of your choice"},
    {Text::TerminationDate, "Date de r\u00e9siliation", "Termination date"},
    {Text::EarlyTerminationAmount, "Frais de r\u00e9siliation anticip\u00e9e : {} HT",
     "Early termination amount: {} before tax"},
    {Text::NoEarlyTerminationAmount, "Sans frais de r\u00e9siliation", "No early termination amount"},
    {Text::ConfirmCancellation, "Confirmer la r\u00e9siliation", "Confirm the cancellation"},
    {Text::SubmittingCancellation, "Enregistrement de la r\u00e9siliation\u2026", "Recording the cancellation\u2026"},
    {Text::CancellationRecordedHeading, "Votre r\u00e9siliation est enregistr\u00e9e", "Your cancellation is recorded"},
    {Text::BalanceDue, "Solde \u00e0 r\u00e9gler : {}", "Balance due: {}"},
    {Text::BalancePastDue, "dont {} en retard", "of which {} past due"},
    {Text::NextInvoiceEstimate, "Prochaine facture ({}), estimation TTC", "Next invoice ({}), estimate with tax"},
};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < std::size(entries); ++i)
        if (static_cast<std::size_t>(entries[i].id) != i)
            return false;
    return static_cast<std::size_t>(Text::NextInvoiceEstimate) + 1 == std::size(entries);
}
static_assert(in_enum_order(), "ui_text entries must follow the Text enum, one each");

} // namespace

std::string_view text(Text id, Language language) {
    const Entry& e = entries[static_cast<std::size_t>(id)];
    return webapp::in_language({e.fr, e.en}, language);
}

std::string_view short_month_name(int month, Language language, bool initial) {
    static constexpr const char* french[] = {"janv.", "f\u00e9vr.", "mars",  "avr.", "mai",  "juin",
                                             "juil.", "ao\u00fbt",  "sept.", "oct.", "nov.", "d\u00e9c."};
    static constexpr const char* english[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    static constexpr const char* initials[] = {"J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"};
    const int m = month >= 1 && month <= 12 ? month - 1 : 0;
    if (initial)
        return initials[m];
    return language == Language::French ? french[m] : english[m];
}

std::string text(Text id, Language language, std::string_view value) {
    return webapp::with_value(text(id, language), value);
}

std::string text(Text id, Language language, int value) {
    return text(id, language, std::to_string(value));
}

} // namespace isp::portal
