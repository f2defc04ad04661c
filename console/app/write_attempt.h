// The Idempotency-Key of one write the person asked for. The same body sent again (a retry
// after a network failure, a second press) gets the same key, so the server does it at most
// once and replays its first answer; a different body is a new write with a new key.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "webapp/platform/browser.h"

namespace isp::console {

class WriteAttempt {
public:
    // The key for sending `body` (any JSON that identifies the write: path and body).
    const std::string& key_for(const nlohmann::json& body) {
        std::string text = body.dump();
        if (key_.empty() || text != body_) {
            key_ = webapp::platform::random_hex(16);
            body_ = std::move(text);
        }
        return key_;
    }
    // The server answered (done or refused): the next write is a new one.
    void finished() {
        key_.clear();
        body_.clear();
    }

private:
    std::string key_;
    std::string body_;
};

} // namespace isp::console
