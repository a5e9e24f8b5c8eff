package dev.ossflux.spring.boot;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches a non-blank {@code ossflux.callback.binding-secret} (a blank one, e.g. an unset variable, is no secret). */
final class BindingConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return OssfluxProperties.isSet(context.getEnvironment().getProperty("ossflux.callback.binding-secret"));
    }
}
