package com.crmfactory.messaging.automation.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.crmfactory.messaging.automation.config.AutomationProperties;

class UrlGuardTest {

    private final UrlGuard guard = new UrlGuard(
            new AutomationProperties.Http(Duration.ofSeconds(1), 1, Duration.ofMillis(1), List.of("localhost")));

    @Test
    void onlyPublicAddressesArePublic() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fe80::1", "fd00::1", "224.0.0.1",
                // IPv4 inside IPv6: IPv4-compatible, NAT64 and 6to4 forms of loopback, metadata and private addresses
                "::127.0.0.1", "::169.254.169.254", "64:ff9b::7f00:1", "64:ff9b::10.0.0.1", "2002:7f00:1::", "2002:a9fe:a9fe::1")) {
            assertThat(UrlGuard.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "64:ff9b::808:808", "2002:808:808::1")) {
            assertThat(UrlGuard.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void refusesWhatMustNotBeCalled() {
        assertThatThrownBy(() -> guard.check("http://8.8.8.8/hook")).hasMessageContaining("only https");
        assertThatThrownBy(() -> guard.check("https://user:pw@8.8.8.8/hook")).hasMessageContaining("no credentials");
        assertThatThrownBy(() -> guard.check("https://169.254.169.254/latest")).hasMessageContaining("non-public");
        assertThatThrownBy(() -> guard.check("https://[::ffff:127.0.0.1]/")).hasMessageContaining("non-public");
        assertThat(guard.check("http://localhost:9999/hook").getPort()).isEqualTo(9999);
    }
}
