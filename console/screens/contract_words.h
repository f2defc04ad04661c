// Words about contracts that the customers' and the contracts' screens both show: a
// contract's status and the actions of its audit trail, in French and English.
#pragma once
#include <string_view>

#include "console/i18n/console_text.h"
#include "shared/domain/contract.h"

namespace isp::console {

inline std::string_view contract_status_label(ContractStatus status, Language language) {
    using T = webapp::Translation;
    static constexpr T active{"Actif", "Active"};
    static constexpr T suspended{"Suspendu", "Suspended"};
    static constexpr T terminated{"R\u00e9sili\u00e9", "Terminated"};
    switch (status) {
    case ContractStatus::Active: return tr(active, language);
    case ContractStatus::Suspended: return tr(suspended, language);
    case ContractStatus::Terminated: return tr(terminated, language);
    }
    return {};
}

inline std::string_view audit_action_label(std::string_view action, Language language) {
    using T = webapp::Translation;
    static constexpr T created{"Cr\u00e9\u00e9", "Created"};
    static constexpr T offer_changed{"Changement d'offre", "Offer changed"};
    static constexpr T status_changed{"Changement de statut", "Status changed"};
    static constexpr T scheduled{"Changement programm\u00e9", "Change scheduled"};
    static constexpr T cancelled{"Changement programm\u00e9 annul\u00e9", "Scheduled change cancelled"};
    static constexpr T dropped{"Changement programm\u00e9 abandonn\u00e9", "Scheduled change dropped"};
    static constexpr T offer_scheduled{"Changement d'offre programm\u00e9", "Offer change scheduled"};
    static constexpr T cancellation{"R\u00e9siliation demand\u00e9e par le client",
                                    "Cancellation requested by the customer"};
    if (action == "created")
        return tr(created, language);
    if (action == "offer_changed")
        return tr(offer_changed, language);
    if (action == "status_changed")
        return tr(status_changed, language);
    if (action == "status_change_scheduled")
        return tr(scheduled, language);
    if (action == "offer_change_scheduled")
        return tr(offer_scheduled, language);
    if (action == "cancellation_requested")
        return tr(cancellation, language);
    if (action == "scheduled_change_cancelled")
        return tr(cancelled, language);
    if (action == "scheduled_change_dropped")
        return tr(dropped, language);
    return action;
}

} // namespace isp::console
