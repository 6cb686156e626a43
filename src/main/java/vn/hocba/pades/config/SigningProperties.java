package vn.hocba.pades.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hocba.signing.*}. Unknown keys are refused, so a misspelt key or a {@code password:}
 * written into the file (secrets belong in the environment or a file) stops the start-up.
 *
 * @param mode                  development (default) or production
 * @param developmentPki        the development PKI's directory (default {@code ${hocba.data-dir}/pki})
 * @param trustAnchors          PEM or DER certificate files, or directories of them: the root CAs
 *                              the school accepts, for the check before signing and for verification
 * @param httpProxy             outgoing HTTP proxy ({@code http://host:port}) for the TSA, OCSP and CRL
 * @param reservedSignatureSize the most bytes one CMS may reserve (profile: 16–32 KB); each signature reserves the
 *                              smallest size from 16 KB that holds an estimate of its CMS with a margin
 * @param schoolSeal            the organisation credential making the school seal
 * @param people                each signing person's credential, by HocBa username
 * @param csc                   remote signing services (Cloud Signature Consortium API v2), by name
 */
@ConfigurationProperties(prefix = "hocba.signing", ignoreUnknownFields = false)
public record SigningProperties(@DefaultValue("development") Mode mode, Path developmentPki,
                                List<Path> trustAnchors, @DefaultValue TimeStamping timeStamping,
                                @DefaultValue Revocation revocation, URI httpProxy,
                                @DefaultValue("32768") int reservedSignatureSize, CredentialProperties schoolSeal,
                                Map<String, CredentialProperties> people, Map<String, CscServiceProperties> csc) {

    public enum Mode { DEVELOPMENT, PRODUCTION }

    /** How a credential's key is reached. */
    public enum Kind { PKCS12, PKCS11, CSC }

    public SigningProperties {
        trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
        people = people == null ? Map.of() : Map.copyOf(people);
        csc = csc == null ? Map.of() : Map.copyOf(csc);
    }

    /**
     * RFC 3161 time-stamping over HTTP.
     *
     * @param urls         tried in order until one answers
     * @param username     HTTP basic authentication user, if the TSA asks for one
     * @param passwordEnv  environment variable holding the password
     * @param passwordFile file holding the password (alternative to {@code passwordEnv})
     * @param maxAnswerSize the most bytes read from one answer (a token with its TSA's chain is a few KB)
     */
    public record TimeStamping(List<URI> urls, String username, String passwordEnv, Path passwordFile,
                               @DefaultValue("10s") Duration timeout, @DefaultValue("1MB") DataSize maxAnswerSize) {
        public TimeStamping {
            urls = urls == null ? List.of() : List.copyOf(urls);
        }
    }

    /**
     * Revocation data from each certificate's own OCSP responder (else its CRL).
     *
     * @param online   false: no revocation check before signing and no OCSP/CRL in the /DSS (not for real use)
     * @param cacheFor how long an answer is reused (a class batch asks once per signer)
     * @param maxOcspAnswerSize the most bytes read from an OCSP answer
     * @param maxCrlSize the most bytes read from a CRL (a large CA's full list is a few MB to a few tens of MB)
     */
    public record Revocation(@DefaultValue("true") boolean online, @DefaultValue("10s") Duration timeout,
                             @DefaultValue("5m") Duration cacheFor, @DefaultValue("1MB") DataSize maxOcspAnswerSize,
                             @DefaultValue("64MB") DataSize maxCrlSize) {
    }

    /**
     * One key: a PKCS#12 file ({@code file}, password), a PKCS#11 token ({@code library},
     * {@code slotListIndex}, {@code alias}, PIN) or a remote CSC credential ({@code cscService},
     * {@code credentialId}, activation data). Passwords and PINs come from {@code *Env} (an
     * environment variable) or {@code *File} (a file readable only by the service account).
     *
     * @param fullName the person's name as in the school's staff list, when the certificate's
     *                 common name is written differently (e.g. in capitals without diacritics)
     */
    public record CredentialProperties(Kind kind, Path file, String alias, String passwordEnv, Path passwordFile,
                                       Path library, Integer slotListIndex, String pinEnv, Path pinFile,
                                       String cscService, String credentialId, String fullName) {
    }

    /**
     * A remote signing service speaking CSC API v2.
     *
     * @param baseUrl          e.g. {@code https://rs.example-ca.vn/csc/v2}
     * @param accessTokenEnv   environment variable holding the OAuth2 bearer token of the service account
     * @param accessTokenFile  file holding it (alternative)
     * @param maxAnswerSize    the most bytes read from one answer (a batch's signatures with certificates)
     */
    public record CscServiceProperties(URI baseUrl, String accessTokenEnv, Path accessTokenFile,
                                       @DefaultValue("30s") Duration timeout, @DefaultValue("8MB") DataSize maxAnswerSize) {
    }
}
