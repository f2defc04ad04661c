// A message above a section's content: what happened (saved, or what went wrong and why) and,
// for a failure worth trying again, the retry. The retry repeats the very same request
// (writes keep their Idempotency-Key, app/write_attempt.h), so it can never do a thing twice.
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "shared/domain/money.h"
#include "webapp/api/api_error.h"

namespace isp::console {

struct Notice {
    enum class Kind { Info, Success, Error };
    std::string text;
    Kind kind = Kind::Info;
    std::function<void()> retry; // set: a "Try again" button
};

// What a failed call tells the person: `what` ("Loading the customers") and why, in
// `language`: the network, the server's own problem detail, a refusal for lack of a role.
// `retry` is offered for failures where trying again can help (network, 5xx, 409 in use, 429).
Notice failure(const webapp::ApiError& error, std::string_view what, Language language,
               std::function<void()> retry = {});

inline Notice success(std::string text) {
    return {std::move(text), Notice::Kind::Success, {}};
}

} // namespace isp::console
