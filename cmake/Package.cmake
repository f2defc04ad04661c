# The Debian package isp-portal (CPack's DEB generator; .ci/package builds and checks it):
# portal-server stripped in /usr/bin, its systemd unit, /etc/isp-portal/portal.conf (a
# conffile), the maintainer scripts, a man page made by help2man from --help, and the
# copyright and changelog Debian wants. Its files are in packaging/debian/.
#
# `cpack` installs without building first (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY): it packages
# the portal-server already built, so packaging in CI costs no extra build. Build the
# isp_package_files target (the man page and changelog) before running cpack.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(pkg_dir "${CMAKE_SOURCE_DIR}/packaging/debian")
set(pkg_out "${CMAKE_BINARY_DIR}/packaging")
file(MAKE_DIRECTORY "${pkg_out}")

# The changelog's last entry must name the version being packaged.
file(STRINGS "${pkg_dir}/changelog" changelog_head LIMIT_COUNT 1)
if(NOT changelog_head MATCHES "^isp-portal \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "packaging/debian/changelog starts with \"${changelog_head}\": add an entry for "
                      "isp-portal (${PROJECT_VERSION}) at its top")
endif()

find_program(ISP_HELP2MAN help2man)
find_program(ISP_GZIP gzip REQUIRED)
set(man_page "${pkg_out}/portal-server.1.gz")
set(changelog_gz "${pkg_out}/changelog.gz")
# help2man runs `portal-server --help` found on PATH, so the page says "portal-server",
# not the build directory's path. gzip -n: no time stamp, the same bytes every build.
add_custom_command(OUTPUT "${man_page}"
  COMMAND ${CMAKE_COMMAND} -E env "PATH=$<TARGET_FILE_DIR:portal-server>:/usr/bin:/bin"
          "${ISP_HELP2MAN}" --no-info --no-discard-stderr --section=1
          "--name=ISP self-service portal and billing API"
          "--version-string=${PROJECT_VERSION}" "--include=${pkg_dir}/portal-server.h2m"
          --output=${pkg_out}/portal-server.1 portal-server
  COMMAND "${ISP_GZIP}" -9nf "${pkg_out}/portal-server.1"
  DEPENDS portal-server "${pkg_dir}/portal-server.h2m"
  COMMENT "Writing the man page portal-server(1) with help2man" VERBATIM)
add_custom_command(OUTPUT "${changelog_gz}"
  COMMAND sh -c "'${ISP_GZIP}' -9nc '${pkg_dir}/changelog' > '${changelog_gz}'"
  DEPENDS "${pkg_dir}/changelog"
  COMMENT "Compressing the Debian changelog" VERBATIM)
if(ISP_HELP2MAN)
  add_custom_target(isp_package_files DEPENDS "${man_page}" "${changelog_gz}")
else()
  add_custom_target(isp_package_files
    COMMAND ${CMAKE_COMMAND} -E echo "help2man is missing (apt install help2man): cannot write the man page"
    COMMAND ${CMAKE_COMMAND} -E false)
endif()

# Full RELRO, as Debian builds its packages (dpkg-buildflags' bindnow): the dynamic
# relocations are resolved at start and then made read-only. Only the link changes.
target_link_options(portal-server PRIVATE -Wl,-z,relro,-z,now)

# The version is native (no Debian revision): this project is its own packager.
install(TARGETS portal-server RUNTIME DESTINATION bin)
install(FILES "${pkg_dir}/isp-portal.service" DESTINATION /lib/systemd/system)
install(FILES "${pkg_dir}/portal.conf" DESTINATION /etc/isp-portal)
install(FILES "${man_page}" DESTINATION share/man/man1)
install(FILES "${pkg_dir}/copyright" "${changelog_gz}" DESTINATION share/doc/isp-portal)
# The reverse-proxy examples, for an admin who has the package but not the repository
# (docs/operations.md, "Behind a reverse proxy"; packaging/test-proxy runs them).
install(FILES "${CMAKE_SOURCE_DIR}/packaging/proxy/nginx.conf" "${CMAKE_SOURCE_DIR}/packaging/proxy/Caddyfile"
        DESTINATION share/doc/isp-portal/examples)
install(FILES "${pkg_dir}/lintian-overrides" DESTINATION share/lintian/overrides RENAME isp-portal)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME isp-portal)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                                WORLD_READ WORLD_EXECUTE)
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "isp-portal maintainers <maintainers@users.noreply.b-seed-f1e093ef.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "ISP self-service portal and billing API")
# The extended description (CPack puts the summary above it): lines under 80 characters.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "portal-server is one binary that serves a small internet or telecom\n"
    "operator's customer portal (WebAssembly, embedded), its staff console and\n"
    "a REST API for offers, customers, contracts, monthly billing, invoices,\n"
    "payments and collections. Contracts and invoices are rendered as PDF.\n"
    "Everything is stored in one SQLite file.\n"
    ".\n"
    "This package runs it as the isp-portal service, configured in\n"
    "/etc/isp-portal/portal.conf, with its database in /var/lib/isp-portal.")
# dpkg-shlibdeps computes the libraries' part of Depends; postinst needs adduser.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${pkg_dir}/conffiles" "${pkg_dir}/postinst" "${pkg_dir}/prerm"
                                       "${pkg_dir}/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
