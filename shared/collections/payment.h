// Payments against an invoice (process map P14): how a payment was made, and what it does
// to the invoice's settlement. Pure rules; the server applies them inside the write
// transaction that records the payment, so two payments cannot both see the same
// outstanding amount.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace isp {

enum class PaymentMethod { Cash, Card, BankTransfer, Cheque, DirectDebit, MobileMoney };

inline constexpr std::array all_payment_methods = {PaymentMethod::Cash,         PaymentMethod::Card,
                                                   PaymentMethod::BankTransfer, PaymentMethod::Cheque,
                                                   PaymentMethod::DirectDebit,  PaymentMethod::MobileMoney};

std::string_view to_string(PaymentMethod method); // "cash", "bank_transfer", ...
std::optional<PaymentMethod> parse_payment_method(std::string_view text);

// The settlement state an invoice is stored with (the `invoices.status` column).
// "Overdue" is not a state: it is derived at read time from the due date.
enum class InvoiceSettlement { Open, PartiallyPaid, Paid };
std::string_view to_string(InvoiceSettlement settlement); // "open", "partially_paid", "paid"
InvoiceSettlement settlement_of(std::int64_t total_minor, std::int64_t paid_minor);

// Whether a payment settles its invoice ("full") or leaves something to pay ("partial").
enum class Allocation { Partial, Full };
std::string_view to_string(Allocation allocation);

// Why a payment cannot be taken; nullopt when it can. The rule is "refuse, never
// over-allocate": an amount above the outstanding is refused rather than kept as credit,
// so the books never hold money that belongs to no invoice.
enum class PaymentRefusal { NotPositive, InvoiceAlreadyPaid, ExceedsOutstanding };
std::optional<PaymentRefusal> check_payment(std::int64_t total_minor, std::int64_t paid_minor,
                                            std::int64_t amount_minor);

struct PaymentEffect {
    std::int64_t paid_minor = 0;        // on the invoice, after the payment
    std::int64_t outstanding_minor = 0; // total - paid, after the payment
    InvoiceSettlement settlement = InvoiceSettlement::Open;
    Allocation allocation = Allocation::Partial;
};
// What an accepted payment (check_payment gave nullopt) does to the invoice.
PaymentEffect apply_payment(std::int64_t total_minor, std::int64_t paid_minor, std::int64_t amount_minor);

} // namespace isp
