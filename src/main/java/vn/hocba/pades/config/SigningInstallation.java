package vn.hocba.pades.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;
import vn.hocba.pades.HttpTimeStampSource;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.config.SigningProperties.Mode;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * The signing binding of this installation, made once at start-up from {@link SigningProperties}.
 * Development: the development PKI, opened (and created) at first use. Production: everything
 * checked and opened now, so that a wrong setting stops the start-up with a
 * {@link SigningConfigurationException} naming it.
 */
public final class SigningInstallation {

    private final Path developmentPkiDirectory;
    private final ProductionSetup.Production production;
    private final SigningProperties.TimeStamping developmentTimeStamping;
    private volatile DevelopmentPki developmentPki;

    private SigningInstallation(Path developmentPkiDirectory, ProductionSetup.Production production,
            SigningProperties.TimeStamping developmentTimeStamping) {
        this.developmentPkiDirectory = developmentPkiDirectory;
        this.production = production;
        this.developmentTimeStamping = developmentTimeStamping;
    }

    /**
     * @param dataDir     {@code hocba.data-dir}; the development PKI defaults to its {@code pki} folder
     * @param environment environment variable lookup ({@code System::getenv})
     * @throws SigningConfigurationException in production mode when a setting cannot work
     */
    public static SigningInstallation open(SigningProperties properties, Path dataDir, UnaryOperator<String> environment,
                                           Clock clock) {
        if (properties.mode() == Mode.PRODUCTION) {
            return new SigningInstallation(null, new ProductionSetup(environment, clock).open(properties), null);
        }
        Path pki = properties.developmentPki() != null ? properties.developmentPki() : dataDir.resolve("pki");
        return new SigningInstallation(pki, null, properties.timeStamping());
    }

    public boolean isProduction() {
        return production != null;
    }

    /**
     * TSA, revocation source and trust anchors of this installation. In development, a
     * {@code time-stamping.urls} setting sends the time-stamps over HTTP (e.g. to the development PKI's TSA
     * served elsewhere) instead of the in-process TSA, so an unreachable TSA can be rehearsed for real.
     */
    public SigningServices services() {
        if (isProduction()) {
            return production.services();
        }
        SigningServices development = SigningServices.development(developmentPki());
        if (developmentTimeStamping.urls().isEmpty()) {
            return development;
        }
        return new SigningServices(new HttpTimeStampSource(developmentTimeStamping.urls().stream()
                .map(HttpTimeStampSource.Endpoint::anonymous).toList(), developmentTimeStamping.timeout(), null),
                development.revocation(), development.trustAnchors(), development.reservedSize());
    }

    /** The development PKI (created at first call). */
    public DevelopmentPki developmentPki() {
        if (isProduction()) {
            throw new IllegalStateException("hocba.signing.mode is production: there is no development PKI");
        }
        if (developmentPki == null) {
            synchronized (this) {
                if (developmentPki == null) {
                    developmentPki = DevelopmentPki.openOrCreate(developmentPkiDirectory);
                }
            }
        }
        return developmentPki;
    }

    /** The keys configured for production (seal and people). */
    public ConfiguredCredentials credentials() {
        if (!isProduction()) {
            throw new IllegalStateException("hocba.signing.mode is development: keys come from the development PKI");
        }
        return production.credentials();
    }
}
