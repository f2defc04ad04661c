// A client who proved who they are (CIN and one of their lines) and is adding a line: what
// the signup journey needs of the customer journey's verification. The lookup token is held
// in memory only, as the customer journey holds it.
#pragma once
#include <string>

namespace isp::portal {

struct KnownClient {
    std::string lookup_token;
    std::string cin; // normalised, as verified
    std::string first_name;
};

} // namespace isp::portal
