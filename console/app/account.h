// "My account" (reached from the top bar, where the signed-in person's name is): change one's
// password, and turn two-step sign-in on or off. Turning it on asks the password again, then
// shows the authenticator's QR code and secret (from the server's answer, never kept beyond
// this screen), takes a first code, and shows the ten recovery codes once; new ones replace
// them later (the password and a current code again). Everything typed
// or shown here is forgotten when the person leaves the screen. Its screen:
// console/screens/account_view.cpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "console/app/section.h"
#include "console/app/write_attempt.h"
#include "shared/domain/field_error.h"
#include "shared/staff/staff_requests.h"

namespace isp::console {

class Account : public Section {
public:
    // Where two-step sign-in stands on this screen; each but Idle is a dialog.
    enum class Stage {
        Idle,
        SetUpPassword, // "Set up": the password again
        Scan,          // the QR code, the secret, the first code
        RecoveryCodes, // enrolled: the recovery codes, shown once
        TurnOff,       // "Turn off": the password again
        NewCodes,      // "New recovery codes": the password and a current code
    };

    using Section::Section;

    std::string_view name() const override { return "account"; }
    bool in_navigation() const override { return false; }
    void open(const Place& place) override;
    void leave() override;
    void describe(nlohmann::json& state) const override;

    const StaffAccount* account() const { return ctx_.account ? &*ctx_.account : nullptr; }
    bool second_factor() const { return ctx_.account && ctx_.account->second_factor; }

    // --- the password ----------------------------------------------------------------------
    std::string current_password, new_password, repeated_password;
    // The shared password rule's verdict on new_password as typed ("" when fine or empty).
    std::string new_password_problem() const;
    void change_password();

    // --- two-step sign-in --------------------------------------------------------------------
    std::string password; // typed in the "Set up" and "Turn off" dialogs
    std::string code;     // the authenticator's first code
    Stage stage() const { return stage_; }
    void start_set_up();
    void begin_enrolment(); // POST /staff/me/totp with the password
    void confirm();         // POST /staff/me/totp/confirm with the code
    void start_turn_off();
    void turn_off(); // DELETE /staff/me/totp with the password
    // Lost recovery codes (or their answer lost at enrolment): ten new ones, the old ones stop.
    void start_new_codes();
    void replace_codes(); // POST /staff/me/recovery-codes with the password and `code`
    // Closes the dialog open (Cancel, Esc, "I have kept them"): its secrets are forgotten.
    void close_dialog();

    // Set while the QR code is on screen (Stage::Scan).
    const std::optional<TotpEnrolment>& enrolment() const { return enrolment_; }
    // The secret as "ABCD EFGH IJKL ...": easier to type by hand from the screen.
    std::string secret_in_groups() const;
    // Set while they are on screen (Stage::RecoveryCodes); one a line for copying.
    const std::vector<std::string>& recovery_codes() const { return recovery_codes_; }
    std::string recovery_codes_text() const;

    const FieldErrors& errors() const { return errors_; }
    std::string error_of(std::string_view field) const;

private:
    // Opens a dialog that first asks the password (set up, turn off); nothing typed earlier stays.
    void ask_password_for(Stage stage);
    // {"password": ...} of a call the password confirms, or nullopt with the field's error.
    std::optional<nlohmann::json> password_body();
    // Whether `code` is the authenticator's six digits; if not, says so on its field.
    bool code_has_six_digits();
    void forget_enrolment();
    void forget_recovery_codes();
    void clear_passwords();
    void wipe_code();
    void enrolled(std::vector<std::string> codes);
    void set_second_factor(bool on);

    Stage stage_ = Stage::Idle;
    std::optional<TotpEnrolment> enrolment_;
    std::vector<std::string> recovery_codes_;
    bool codes_replaced_ = false; // the codes shown replace earlier ones (not a new enrolment)
    FieldErrors errors_;
    WriteAttempt password_attempt_;
    WriteAttempt enrol_attempt_;
    WriteAttempt confirm_attempt_;
    WriteAttempt remove_attempt_;
    WriteAttempt codes_attempt_;
};

} // namespace isp::console
