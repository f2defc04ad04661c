// Self-signed TLS certificates made by the test itself (OpenSSL, as the server links it):
// a P-256 key and a certificate for localhost and 127.0.0.1, written as the PEM files
// portal-server's --tls-cert and --tls-key read.
#pragma once
#include <string>

namespace isp::test {

struct TestCertificate {
    std::string cert_path;
    std::string key_path;
};

// Writes `<dir>/<name>.crt` and `<dir>/<name>.key`; the certificate's common name is
// `common_name` (so a test can tell which certificate a server presents).
TestCertificate make_test_certificate(const std::string& dir, const std::string& name, const std::string& common_name);

// The common name of the certificate the server on 127.0.0.1:`port` presents ("" when no
// TLS handshake could be made).
std::string presented_common_name(int port);

} // namespace isp::test
