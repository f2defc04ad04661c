#include "console/app/staff_accounts.h"

#include <algorithm>

#include "console/i18n/console_text.h"
#include "shared/staff/staff_account_rules.h"
#include "shared/wire/staff_account_json.h"

namespace isp::console {
namespace {

using T = webapp::Translation;

constexpr T loading_accounts{"Chargement des comptes", "Loading the accounts"};
constexpr T inviting{"Invitation", "Inviting"};
constexpr T saving_account{"Modification du compte", "Changing the account"};
constexpr T making_link{"Nouveau lien de mot de passe", "New password link"};
constexpr T roles_saved{"R\u00f4les modifi\u00e9s.", "Roles changed."};
constexpr T account_disabled{"Compte d\u00e9sactiv\u00e9.", "Account disabled."};
constexpr T account_enabled{"Compte r\u00e9activ\u00e9.", "Account enabled."};
constexpr T one_role{"Au moins un r\u00f4le.", "At least one role."};
constexpr T keep_own_admin{"Vous ne pouvez pas retirer votre propre r\u00f4le admin.",
                           "You cannot remove your own admin role."};

std::string say(const T& words, Language language) {
    return std::string{tr(words, language)};
}

} // namespace

RolePick RolePick::of(const std::vector<StaffRole>& roles) {
    RolePick p{false, false, false};
    for (StaffRole r : roles) {
        p.admin = p.admin || r == StaffRole::Admin;
        p.ops = p.ops || r == StaffRole::Ops;
        p.viewer = p.viewer || r == StaffRole::Viewer;
    }
    return p;
}

std::vector<StaffRole> RolePick::roles() const {
    std::vector<StaffRole> out;
    if (admin)
        out.push_back(StaffRole::Admin);
    if (ops)
        out.push_back(StaffRole::Ops);
    if (viewer)
        out.push_back(StaffRole::Viewer);
    return out;
}

void StaffAccounts::open(const Place& place) {
    (void)place;
    invite_open = false;
    roles_open = false;
    page_ = 1;
    load();
}

void StaffAccounts::go_to_page(std::int64_t page) {
    page_ = std::max<std::int64_t>(1, page);
    load();
}

void StaffAccounts::load() {
    busy_ = "loading";
    notice_.reset();
    ctx_.api.get_page<StaffAccount>(
        "/staff/accounts?page=" + std::to_string(page_) + "&per_page=20", wire::staff_account_from_json,
        [this](ApiResult<Page<StaffAccount>> result) {
            busy_ = {};
            if (!result.value)
                return show(failure(result.error, say(loading_accounts, lang()), lang(), [this] { load(); }));
            accounts_ = std::move(result.value->items);
            pagination_ = result.value->pagination;
        });
}

const StaffAccount* StaffAccounts::find(const std::string& account_id) const {
    for (const StaffAccount& a : accounts_)
        if (a.account_id == account_id)
            return &a;
    return nullptr;
}

bool StaffAccounts::is_self(const StaffAccount& account) const {
    return ctx_.account && ctx_.account->account_id == account.account_id;
}

bool StaffAccounts::may_disable(const StaffAccount& account) const {
    return !is_self(account) && account.state == StaffAccountState::Active;
}

std::string StaffAccounts::error_of(std::string_view field) const {
    for (const FieldError& e : errors_)
        if (e.field == field)
            return e.message;
    return {};
}

void StaffAccounts::start_invite() {
    invite_email.clear();
    invite_display_name.clear();
    invite_roles = RolePick{};
    invite_language = lang() == Language::English ? "en" : "fr";
    errors_.clear();
    invite_open = true;
}

void StaffAccounts::invite() {
    if (!busy_.empty())
        return;
    errors_.clear();
    NewStaffAccount account{invite_email, invite_display_name, invite_roles.roles(),
                            invite_language == "en" ? Language::English : Language::French};
    check_new_staff_account(account, lang(), errors_); // the server's own rules
    if (!errors_.empty())
        return;
    const nlohmann::json body = wire::to_json(account);
    const std::string key = invite_attempt_.key_for(body);
    busy_ = "saving";
    notice_.reset();
    struct Invited {
        StaffAccount account;
        PasswordLink link;
    };
    ctx_.api.write<Invited>(
        "POST", "/staff/accounts", body, key,
        [](const nlohmann::json& j) {
            return Invited{wire::staff_account_from_json(j.at("account")),
                           wire::password_link_from_json(j.at("password_link"))};
        },
        [this](ApiResult<Invited> result) {
            busy_ = {};
            if (!result.value) {
                if (!result.error.network() && result.error.status < 500)
                    invite_attempt_.finished();
                errors_ = result.error.errors;
                return show(failure(result.error, say(inviting, lang()), lang(), [this] { invite(); }));
            }
            invite_attempt_.finished();
            invite_open = false;
            link_for_ = result.value->account.email;
            link_ = std::move(result.value->link);
            accounts_.push_back(std::move(result.value->account));
            ++pagination_.total;
        });
}

void StaffAccounts::start_roles(const std::string& account_id) {
    const StaffAccount* account = find(account_id);
    if (!account)
        return;
    roles_for_ = account_id;
    edit_roles = RolePick::of(account->roles);
    errors_.clear();
    roles_open = true;
}

void StaffAccounts::save_roles() {
    const StaffAccount* account = find(roles_for_);
    if (!account || !busy_.empty())
        return;
    errors_.clear();
    if (is_self(*account) && !edit_roles.admin)
        errors_.push_back({"roles", "own_admin_role", say(keep_own_admin, lang())});
    else if (edit_roles.roles().empty())
        errors_.push_back({"roles", "required", say(one_role, lang())});
    if (!errors_.empty())
        return;
    StaffAccountChange change;
    change.roles = edit_roles.roles();
    patch(roles_for_, change, say(saving_account, lang()));
}

void StaffAccounts::set_disabled(const std::string& account_id, bool disabled) {
    const StaffAccount* account = find(account_id);
    if (!account || (disabled && !may_disable(*account)) || !busy_.empty())
        return;
    StaffAccountChange change;
    change.state = disabled ? StaffAccountState::Disabled : StaffAccountState::Active;
    patch(account_id, change, say(saving_account, lang()));
}

void StaffAccounts::patch(const std::string& account_id, const StaffAccountChange& change, std::string what) {
    const std::string path = "/staff/accounts/" + account_id;
    const nlohmann::json body = wire::to_json(change);
    const std::string key = change_attempt_.key_for({{"path", path}, {"body", body}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<StaffAccount>(
        "PATCH", path, body, key, wire::staff_account_from_json,
        [this, account_id, change, what](ApiResult<StaffAccount> result) {
            busy_ = {};
            if (!result.value) {
                if (!result.error.network() && result.error.status < 500)
                    change_attempt_.finished();
                errors_ = result.error.errors;
                return show(failure(result.error, what, lang(),
                                    [this, account_id, change, what] { patch(account_id, change, what); }));
            }
            change_attempt_.finished();
            replaced(*result.value);
            roles_open = false;
            if (change.state)
                return show(success(
                    say(*change.state == StaffAccountState::Disabled ? account_disabled : account_enabled, lang())));
            show(success(say(roles_saved, lang())));
        });
}

void StaffAccounts::replaced(const StaffAccount& account) {
    for (StaffAccount& a : accounts_)
        if (a.account_id == account.account_id)
            a = account;
}

void StaffAccounts::reset_password(const std::string& account_id) {
    const StaffAccount* account = find(account_id);
    if (!account || !busy_.empty())
        return;
    const std::string path = "/staff/accounts/" + account_id + "/password-link";
    const std::string key = link_attempt_.key_for({{"path", path}});
    busy_ = "saving";
    notice_.reset();
    ctx_.api.write<PasswordLink>("POST", path, nullptr, key, wire::password_link_from_json,
                                 [this, account_id, email = account->email](ApiResult<PasswordLink> result) {
                                     busy_ = {};
                                     if (!result.value) {
                                         if (!result.error.network() && result.error.status < 500)
                                             link_attempt_.finished();
                                         return show(failure(result.error, say(making_link, lang()), lang(),
                                                             [this, account_id] { reset_password(account_id); }));
                                     }
                                     link_attempt_.finished();
                                     link_for_ = email;
                                     link_ = std::move(*result.value);
                                 });
}

void StaffAccounts::close_link() {
    // Shown once: the console keeps no copy of it once the dialog is closed.
    if (link_)
        std::fill(link_->url.begin(), link_->url.end(), '\0');
    link_.reset();
    link_for_.clear();
}

void StaffAccounts::describe(nlohmann::json& state) const {
    nlohmann::json list = nlohmann::json::array();
    for (const StaffAccount& a : accounts_)
        list.push_back({{"account_id", a.account_id},
                        {"email", a.email},
                        {"roles", join_staff_roles(a.roles)},
                        {"state", a.state == StaffAccountState::Disabled ? "disabled" : "active"}});
    state["staff_accounts"] = {{"accounts", std::move(list)},
                               {"total", pagination_.total},
                               {"invite_open", invite_open},
                               {"roles_open", roles_open},
                               {"roles_for", roles_for_},
                               {"link_dialog", link_.has_value()},
                               {"link_url", link_ ? link_->url : ""},
                               {"link_for", link_for_}};
    if (invite_open)
        state["form"] = {{"email", invite_email},
                         {"display_name", invite_display_name},
                         {"roles", join_staff_roles(invite_roles.roles())},
                         {"language", invite_language}};
    else if (roles_open)
        state["form"] = {{"roles", join_staff_roles(edit_roles.roles())}};
}

} // namespace isp::console
