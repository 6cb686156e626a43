package vn.hocba.signing.device;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.hocba.audit.Actor;
import vn.hocba.common.Rejected;

/**
 * Attack 30: the user id a person types for their remote-signing service goes into the provider's path
 * ("v1/users/{id}/certificate"); form-encoding leaves ".." as it is, so ".." asked the provider for
 * "v1/certificate". Such an id is refused before the provider is asked anything.
 */
class RemoteSigningAccountIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", " .. ", "a/b", "a\\b", "gv\u0000"})
    void anIdThatIsNotANameIsRefusedBeforeTheServiceIsAsked(String id) {
        PhoneApprovalProvider provider = mock(PhoneApprovalProvider.class);
        when(provider.displayName()).thenReturn("SmartCA thử");
        PhoneApprovalProviders providers = mock(PhoneApprovalProviders.class);
        when(providers.named("smartca")).thenReturn(Optional.of(provider));
        RemoteSigningAccounts accounts = new RemoteSigningAccounts(null, providers, null, null, Clock.systemUTC(),
                Duration.ofSeconds(2));

        assertThatThrownBy(() -> accounts.set("gv05", "smartca", id, Actor.system("test"))).isInstanceOf(Rejected.class)
                .hasMessageContaining("không hợp lệ ở dịch vụ SmartCA thử");
        verify(provider, never()).certificateChain(anyString());
    }
}
