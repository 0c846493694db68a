package dev.foldline.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Users see {@code Payload}, never the JSON library: outside the {@code json} package no public
 * signature of the core names a gson type, so the library can change without breaking callers.
 */
class PublicApiTest {

    @Test
    void no_public_signature_outside_the_json_package_names_a_gson_type() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : coreClasses()) {
            if (type.getPackageName().equals("dev.foldline.json") || !isVisible(type)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                check(type, method, method.getGenericReturnType(), offenders);
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                check(type, constructor, null, offenders);
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers()) && mentionsGson(field.getGenericType())) {
                    offenders.add(type.getName() + "." + field.getName());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static void check(Class<?> owner, Executable member, Type returned, List<String> offenders) {
        if (!Modifier.isPublic(member.getModifiers()) && !Modifier.isProtected(member.getModifiers())) {
            return;
        }
        List<Type> types = new ArrayList<>(List.of(member.getGenericParameterTypes()));
        if (returned != null) {
            types.add(returned);
        }
        if (types.stream().anyMatch(PublicApiTest::mentionsGson)) {
            offenders.add(owner.getName() + "." + member.getName());
        }
    }

    private static boolean mentionsGson(Type type) {
        return type.getTypeName().contains("com.google.gson");
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<Class<?>> coreClasses() throws IOException {
        Path classes = Path.of("target/classes");
        assertThat(classes).isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(PublicApiTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
