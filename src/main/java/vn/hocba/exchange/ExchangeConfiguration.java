package vn.hocba.exchange;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import vn.hocba.signing.SigningServices;
import vn.hocba.signing.devpki.DevelopmentPki;

/**
 * The signing binding of the installation: the development PKI under {@code ${hocba.data-dir}/pki}
 * (or {@code hocba.signing.development-pki}). TODO production: when {@code hocba.signing.mode=production},
 * build {@link SigningServices#production} and a token-backed {@link SignerCredentials} instead.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

    @Bean
    @Lazy // keys are made at first use, not at every start of the application
    DevelopmentPki developmentPki(@Value("${hocba.signing.development-pki:${hocba.data-dir}/pki}") Path directory) {
        return DevelopmentPki.openOrCreate(directory);
    }

    @Bean
    @Lazy // keys are made at first use, not at every start of the application
    SigningServices signingServices(DevelopmentPki pki) {
        return SigningServices.development(pki);
    }

    @Bean
    @Lazy // keys are made at first use, not at every start of the application
    SignerCredentials signerCredentials(DevelopmentPki pki) {
        return new DevelopmentSignerCredentials(pki);
    }
}
