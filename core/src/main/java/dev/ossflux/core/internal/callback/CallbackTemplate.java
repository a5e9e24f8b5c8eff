package dev.ossflux.core.internal.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A parsed {@code callbackBody}: literal text and {@code ${name}} placeholders. Parsing applies the
 * OSS rule that every {@code $} opens a placeholder.
 */
public final class CallbackTemplate {

    private final List<String> literals;
    private final List<String> variables;

    private CallbackTemplate(List<String> literals, List<String> variables) {
        this.literals = literals;
        this.variables = variables;
    }

    /**
     * Parses {@code template}; a {@code $} without an opening brace after it, or an unclosed brace, is an
     * {@link IllegalArgumentException}.
     */
    public static CallbackTemplate parse(String template) {
        List<String> literals = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        int start = 0;
        int dollar;
        while ((dollar = template.indexOf('$', start)) >= 0) {
            if (dollar + 1 >= template.length() || template.charAt(dollar + 1) != '{') {
                throw new IllegalArgumentException("callbackBody: '$' at index " + dollar
                        + " must be followed by '{' (write placeholders as ${name})");
            }
            int close = template.indexOf('}', dollar + 2);
            if (close < 0) {
                throw new IllegalArgumentException("callbackBody: placeholder at index " + dollar + " is not closed");
            }
            String name = template.substring(dollar + 2, close);
            if (name.isEmpty() || name.indexOf('{') >= 0 || name.indexOf('$') >= 0) {
                throw new IllegalArgumentException("callbackBody: invalid placeholder '${" + name + "}'");
            }
            literals.add(template.substring(start, dollar));
            variables.add(name);
            start = close + 1;
        }
        literals.add(template.substring(start));
        return new CallbackTemplate(List.copyOf(literals), List.copyOf(variables));
    }

    /** The placeholder names in order of appearance, e.g. {@code bucket} or {@code x:uid}. */
    public List<String> variables() {
        return variables;
    }

    /** Fills every placeholder with {@code encodedValue.apply(name)}; literals are copied verbatim. */
    public String render(Function<String, String> encodedValue) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < variables.size(); i++) {
            out.append(literals.get(i)).append(encodedValue.apply(variables.get(i)));
        }
        return out.append(literals.get(literals.size() - 1)).toString();
    }
}
