/**
 * The installation's signing settings ({@code hocba.signing.*}, see
 * {@code signing-config/production.example.yml}): {@code development} uses the development PKI
 * under the data directory; {@code production} binds a real RFC 3161 TSA, the trust anchors, online
 * revocation, and the keys of the school's people and of its seal (PKCS#12 files, PKCS#11 tokens,
 * a remote CSC service). A production configuration is checked completely at start-up: the
 * application refuses to start with a message naming each wrong property rather than failing at
 * the first signature. Secrets are never in the properties: they come from environment variables or
 * files the properties name.
 */
@org.springframework.modulith.NamedInterface("config")
package vn.hocba.pades.config;
