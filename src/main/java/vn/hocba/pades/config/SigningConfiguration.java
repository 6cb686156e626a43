package vn.hocba.pades.config;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import vn.hocba.pades.devpki.DevelopmentPki;

/**
 * Binds {@code hocba.signing.*} at start-up (not lazily: a broken production configuration must
 * stop the application before anyone tries to sign).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
public class SigningConfiguration {

    @Bean
    SigningInstallation signingInstallation(SigningProperties properties, @Value("${hocba.data-dir}") Path dataDir) {
        return SigningInstallation.open(properties, dataDir, System::getenv, Clock.systemUTC());
    }

    /** The development PKI, created at first use; development mode only (production has none). */
    @Bean
    @Lazy
    DevelopmentPki developmentPki(SigningInstallation installation) {
        return installation.developmentPki();
    }
}
