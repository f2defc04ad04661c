// The console's common words (navigation, sign-in, what every screen says) in French and
// English. A section's own words sit beside its code as webapp::Translation pairs
// (`T{"Clients", "Customers"}`): one place to read a screen with what it says.
#pragma once
#include <string>
#include <string_view>

#include "shared/domain/money.h"
#include "webapp/i18n/translation.h"

namespace isp::console {

enum class Text {
    ConsoleTitle,
    NavToday,
    NavCustomers,
    NavContracts,
    NavOffers,
    NavBilling,
    NavPayments,
    NavCollections,
    NavStaff,
    MyAccount,
    SignInHeading,
    SignInIntro,
    Email,
    Password,
    TotpCode,
    TotpHint,
    SignIn,
    SigningIn,
    SignOut,
    SessionEnded,
    SignInFailed,
    SetPasswordHeading,
    SetPasswordIntro,
    NewPassword,
    RepeatPassword,
    PasswordsDiffer,
    SetPassword,
    PasswordSet,
    Loading,
    Saving,
    Retry,
    Dismiss,
    Cancel,
    Confirm,
    Save,
    Back,
    Search,
    PreviousPage,
    NextPage,
    PageOf,
    Copied,
    NetworkFailed,
    ServerFailed,
    NotAllowed,
    NothingFound,
    StartingConsole,
};

std::string_view text(Text id, Language language);
// `text(id)` with its "{}" replaced by `value`.
std::string text(Text id, Language language, std::string_view value);

// A section's own words in `language`.
inline std::string_view tr(const webapp::Translation& words, Language language) {
    return webapp::in_language(words, language);
}

} // namespace isp::console
