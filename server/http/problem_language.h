// Problem documents in the language the client asked for. The portal sends
// Accept-Language with every request; bodies of public POSTs also carry "language", and
// the services already write those answers in it. What is written in one language only
// (token, link, draft, idempotency and intake problems, mostly answers to GETs) is put
// into the asked language here, from one table of English and French texts, when the
// response is written. Without Accept-Language a problem stays as written.
#pragma once
#include <optional>
#include <string_view>

#include "shared/domain/money.h" // Language

namespace httplib {
struct Request;
}

namespace isp::http {

class ApiError;

// The most preferred of French and English in an Accept-Language header (RFC 9110
// 12.5.4: language ranges with q-values; "fr-MA" is French, "*" or nothing we speak is
// no preference); std::nullopt when neither is asked for.
std::optional<Language> accepted_language(std::string_view accept_language);
std::optional<Language> accepted_language(const httplib::Request& req);

// The detail and field-error messages of `e` in `language`, where the table knows them.
void put_in_language(ApiError& e, Language language);

} // namespace isp::http
