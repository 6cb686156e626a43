package vn.hocba.signing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import vn.hocba.pades.SigningServices;
import vn.hocba.pades.config.SigningInstallation;

/**
 * The signing binding of the installation ({@code hocba.signing.*}, checked at start-up by
 * {@link SigningInstallation}): in development the development PKI under
 * {@code ${hocba.data-dir}/pki} (or {@code hocba.signing.development-pki}) issues everybody's keys;
 * in production the configured TSA, trust anchors and keys are used.
 */
@Configuration(proxyBeanMethods = false)
class SigningServicesConfiguration {

    @Bean
    @Lazy // development keys are made at first use, not at every start of the application
    SigningServices signingServices(SigningInstallation installation) {
        return installation.services();
    }

    @Bean
    @Lazy // development keys are made at first use, not at every start of the application
    SignerCredentials signerCredentials(SigningInstallation installation) {
        SignerCredentials serverKeys = installation.isProduction()
                ? new ConfiguredSignerCredentials(installation.credentials())
                : new DevelopmentSignerCredentials(installation.developmentPki());
        return new OwnKeyCredentials(serverKeys); // a person signing on their own device (issue 16)
    }
}
