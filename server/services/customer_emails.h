// What a customer is told by e-mail when something happens to their account, and in which
// words (issue #15): for an event of the outbox (services/event_outbox.h), the e-mail in
// the customer's language - French or English, as they chose at signup - with the invoice's
// PDF attached where there is an invoice. Events the customer is not told about (a change
// scheduled by staff, a cancellation of one) have none.
#pragma once
#include <optional>

#include "server/mail/outgoing_email.h"
#include "shared/domain/event.h"

namespace isp::store {
class Connection;
}

namespace isp::services {
struct ServiceContext;

// nullopt: not a customer's e-mail, or the customer has no e-mail address. Reads the
// client, contract and invoice as they are now (an event holds ids, not their words).
// Without attachments it renders no PDF (what is listed is the subject and the address).
enum class Attachments { Include, Omit };
std::optional<mail::OutgoingEmail> customer_email_for(ServiceContext& context, store::Connection& c, const Event& event,
                                                      Attachments attachments);

} // namespace isp::services
