package dev.ossflux.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ossflux.core.callback.CallbackBinding;
import dev.ossflux.core.callback.CallbackVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OssfluxCallbackAutoConfigurationTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final ApplicationContextRunner runner = Contexts.runner().withPropertyValues(
            "ossflux.endpoint=http://127.0.0.1:9");

    @Test
    void bindsAndTrustsWhatIsConfigured() {
        runner.withPropertyValues("ossflux.callback.binding-secret=" + SECRET,
                "ossflux.callback.trusted-key-urls=https://keys.example.com/oss/").run(context -> {
                    assertThat(context).hasSingleBean(CallbackBinding.class);
                    assertThat(context.getBean(CallbackVerifier.class).toString())
                            .contains("https://keys.example.com/oss/").contains("bound");
                });
    }

    @Test
    void aBlankSecretLeavesCallbacksUnbound() {
        runner.withPropertyValues("ossflux.callback.binding-secret=").run(context -> {
            assertThat(context).doesNotHaveBean(CallbackBinding.class);
            assertThat(context.getBean(CallbackVerifier.class).toString()).doesNotContain("bound");
        });
    }

    @Test
    void backsOffForTheApplicationsVerifierAndBinding() {
        CallbackBinding binding = CallbackBinding.random();
        CallbackVerifier verifier = CallbackVerifier.builder().build();
        runner.withPropertyValues("ossflux.callback.binding-secret=" + SECRET)
                .withBean(CallbackBinding.class, () -> binding).withBean(CallbackVerifier.class, () -> verifier)
                .run(context -> {
                    assertThat(context.getBean(CallbackBinding.class)).isSameAs(binding);
                    assertThat(context.getBean(CallbackVerifier.class)).isSameAs(verifier);
                });
    }
}
