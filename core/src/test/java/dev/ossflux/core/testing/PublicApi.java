package dev.ossflux.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders a module's public API (public and protected members of public types outside
 * {@code internal} packages) as sorted text, and checks it against the listing checked in as
 * {@code api/<module>.api}, so that every API change shows up in review. After an intended change,
 * run the module's tests with {@code -Dapi.update=true} to rewrite the listing.
 */
public final class PublicApi {

    private PublicApi() {
    }

    /** Asserts that the public API of the classes beside {@code anchor} equals {@code api/<module>.api}. */
    public static void assertUnchanged(Class<?> anchor, String module) {
        Path classes = classesRoot(anchor);
        String rendered = render(classes, anchor.getClassLoader());
        Path listing = Path.of("api", module + ".api");
        try {
            if (Boolean.getBoolean("api.update")) {
                Files.createDirectories(listing.getParent());
                Files.writeString(listing, rendered, StandardCharsets.UTF_8);
            }
            assertThat(listing).as("checked-in API listing (create it with -Dapi.update=true)").exists();
            Path actual = Path.of("target", module + ".api");
            Files.writeString(actual, rendered, StandardCharsets.UTF_8);
            assertThat(rendered).as("public API of %s differs from %s (now in %s); review the change and rerun "
                    + "with -Dapi.update=true", module, listing, actual)
                    .isEqualTo(Files.readString(listing, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(Path classes, ClassLoader loader) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> !name.contains(".internal.") && !name.endsWith("package-info"))
                    .sorted()
                    .map(name -> load(name, loader))
                    .filter(PublicApi::visible)
                    .map(PublicApi::describe)
                    .collect(Collectors.joining());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean visible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
                return false;
            }
        }
        return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass();
    }

    private static String describe(Class<?> type) {
        StringBuilder out = new StringBuilder(header(type)).append('\n');
        List<String> members = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (exposed(field) && !field.isSynthetic()) {
                members.add(modifiers(field) + field.getGenericType().getTypeName() + " " + field.getName());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (exposed(constructor) && !constructor.isSynthetic() && !type.isEnum()) {
                members.add(modifiers(constructor) + "<init>" + parameters(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (exposed(method) && !method.isSynthetic() && !method.isBridge()) {
                members.add(modifiers(method) + typeParameters(method) + method.getGenericReturnType().getTypeName()
                        + " " + method.getName() + parameters(method));
            }
        }
        members.stream().sorted().forEach(member -> out.append("    ").append(member).append('\n'));
        return out.toString();
    }

    private static String header(Class<?> type) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        int modifiers = type.getModifiers() & ~(Modifier.INTERFACE | Modifier.ABSTRACT * (type.isInterface() ? 1 : 0));
        StringBuilder header = new StringBuilder(Modifier.toString(modifiers));
        if (type.isSealed()) {
            header.append(" sealed");
        }
        header.append(' ').append(kind).append(' ').append(type.getName());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            header.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0) {
            header.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return header.toString().trim();
    }

    private static boolean exposed(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    private static String modifiers(Member member) {
        int modifiers = member.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
                | Modifier.FINAL | Modifier.ABSTRACT);
        if (member instanceof Method method && method.isDefault()) {
            return Modifier.toString(modifiers) + " default ";
        }
        return Modifier.toString(modifiers) + " ";
    }

    private static String typeParameters(Method method) {
        return method.getTypeParameters().length == 0 ? "" : Arrays.stream(method.getTypeParameters())
                .map(Type::getTypeName).collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable executable) {
        return Arrays.stream(executable.getGenericParameterTypes()).map(Type::getTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static Path classesRoot(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
