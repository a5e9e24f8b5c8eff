package dev.ossflux.spring.boot;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when callbacks are to be bound: a non-blank {@code ossflux.callback.binding-secret}, or the emulator. */
final class BindingConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return OssfluxProperties.isSet(context.getEnvironment().getProperty("ossflux.callback.binding-secret"))
                || context.getEnvironment().getProperty("ossflux.emulator.enabled", Boolean.class, false);
    }
}
