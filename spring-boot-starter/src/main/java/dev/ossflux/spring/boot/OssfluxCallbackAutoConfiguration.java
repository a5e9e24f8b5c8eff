package dev.ossflux.spring.boot;

import dev.ossflux.core.callback.CallbackBinding;
import dev.ossflux.core.callback.CallbackVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * A {@link CallbackVerifier} from {@code ossflux.callback.*}, and a {@link CallbackBinding} from
 * {@code ossflux.callback.binding-secret} that the verifier then requires, each unless the application defines
 * its own. With the emulator, the verifier also trusts the emulator's key URL.
 */
@AutoConfiguration(after = OssEmulatorAutoConfiguration.class)
@ConditionalOnClass(CallbackVerifier.class)
@EnableConfigurationProperties(OssfluxProperties.class)
public final class OssfluxCallbackAutoConfiguration {

    OssfluxCallbackAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(BindingConfigured.class)
    CallbackBinding callbackBinding(OssfluxProperties properties) {
        return CallbackBinding.of(Objects.requireNonNull(properties.callback().bindingSecret()));
    }

    @Bean
    @ConditionalOnMissingBean
    CallbackVerifier callbackVerifier(OssfluxProperties properties, ObjectProvider<CallbackBinding> binding,
            ObjectProvider<EmulatedOss> emulator) {
        OssfluxProperties.Callback callback = properties.callback();
        CallbackVerifier.Builder verifier = CallbackVerifier.builder();
        List<String> trusted = new ArrayList<>(callback.trustedKeyUrls());
        emulator.ifAvailable(local -> trusted.add(local.keyUrlPrefix()));
        if (!trusted.isEmpty()) {
            verifier.trustedKeyUrlPrefixes(trusted);
        }
        ClientProperties.ifSet(callback.keyFetchTimeout(), verifier::keyFetchTimeout);
        binding.ifAvailable(verifier::binding);
        return verifier.build();
    }
}
