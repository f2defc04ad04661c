#include "console/i18n/console_text.h"

#include <array>

namespace isp::console {
namespace {

struct Entry {
    Text id;
    std::string_view fr;
    std::string_view en;
};

// Listed in the order of the enum; checked at compile time below.
constexpr Entry entries[] = {
    {Text::ConsoleTitle, "Console de gestion", "Staff console"},
    {Text::NavToday, "Aujourd'hui", "Today"},
    {Text::NavCustomers, "Clients", "Customers"},
    {Text::NavContracts, "Contrats", "Contracts"},
    {Text::NavOffers, "Offres", "Offers"},
    {Text::NavBilling, "Facturation", "Billing"},
    {Text::NavPayments, "Paiements", "Payments"},
    {Text::NavCollections, "Recouvrement", "Collections"},
    {Text::NavStaff, "Comptes du personnel", "Staff accounts"},
    {Text::MyAccount, "Mon compte", "My account"},
    {Text::SignInHeading, "Connexion", "Sign in"},
    {Text::SignInIntro, "Connectez-vous avec votre compte du personnel.", "Sign in with your staff account."},
    {Text::Email, "Adresse e-mail", "E-mail address"},
    {Text::Password, "Mot de passe", "Password"},
    {Text::TotpCode, "Code de l'application d'authentification", "Authenticator app code"},
    {Text::TotpHint, "Les 6 chiffres affich\u00e9s par votre application, ou un code de secours.",
     "The 6 digits your app shows, or a recovery code."},
    {Text::SignIn, "Se connecter", "Sign in"},
    {Text::SigningIn, "Connexion\u2026", "Signing in\u2026"},
    {Text::SignOut, "Se d\u00e9connecter", "Sign out"},
    {Text::SessionEnded, "Votre session a pris fin. Connectez-vous pour reprendre o\u00f9 vous en \u00e9tiez.",
     "Your session ended. Sign in to continue where you were."},
    {Text::SignInFailed, "Connexion impossible", "Could not sign in"},
    {Text::SetPasswordHeading, "Choisir votre mot de passe", "Choose your password"},
    {Text::SetPasswordIntro,
     "Au moins 12 caract\u00e8res. Une phrase de plusieurs mots est facile \u00e0 retenir et difficile \u00e0 "
     "deviner.",
     "At least 12 characters. A phrase of several words is easy to remember and hard to guess."},
    {Text::NewPassword, "Nouveau mot de passe", "New password"},
    {Text::RepeatPassword, "R\u00e9p\u00e9tez le mot de passe", "Repeat the password"},
    {Text::PasswordsDiffer, "Les deux mots de passe diff\u00e8rent.", "The two passwords differ."},
    {Text::SetPassword, "Enregistrer le mot de passe", "Save the password"},
    {Text::PasswordSet, "Mot de passe enregistr\u00e9. Connectez-vous.", "Password saved. Sign in."},
    {Text::Loading, "Chargement\u2026", "Loading\u2026"},
    {Text::Saving, "Enregistrement\u2026", "Saving\u2026"},
    {Text::Retry, "R\u00e9essayer", "Try again"},
    {Text::Dismiss, "Fermer", "Dismiss"},
    {Text::Cancel, "Annuler", "Cancel"},
    {Text::Confirm, "Confirmer", "Confirm"},
    {Text::Save, "Enregistrer", "Save"},
    {Text::Back, "Retour", "Back"},
    {Text::Search, "Rechercher", "Search"},
    {Text::PreviousPage, "Pr\u00e9c\u00e9dente", "Previous"},
    {Text::NextPage, "Suivante", "Next"},
    {Text::PageOf, "Page {}", "Page {}"},
    {Text::Copied, "Copi\u00e9", "Copied"},
    {Text::NetworkFailed, "le serveur n'a pas pu \u00eatre joint. V\u00e9rifiez la connexion puis r\u00e9essayez.",
     "the server could not be reached. Check the connection, then try again."},
    {Text::ServerFailed, "le serveur a rencontr\u00e9 un probl\u00e8me. R\u00e9essayez dans un instant.",
     "the server ran into a problem. Try again in a moment."},
    {Text::NotAllowed, "votre r\u00f4le ne permet pas cette action.", "your role does not allow this."},
    {Text::NothingFound, "Aucun r\u00e9sultat.", "Nothing found."},
    {Text::StartingConsole, "D\u00e9marrage de la console\u2026", "Starting the console\u2026"},
};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < std::size(entries); ++i)
        if (static_cast<std::size_t>(entries[i].id) != i)
            return false;
    return static_cast<std::size_t>(Text::StartingConsole) + 1 == std::size(entries);
}
static_assert(in_enum_order(), "console_text entries must follow the Text enum, one each");

} // namespace

std::string_view text(Text id, Language language) {
    const Entry& e = entries[static_cast<std::size_t>(id)];
    return webapp::in_language({e.fr, e.en}, language);
}

std::string text(Text id, Language language, std::string_view value) {
    return webapp::with_value(text(id, language), value);
}

} // namespace isp::console
