package dev.foldline.aggregate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a command or event record that may be absent or null; every other
 * component is required. Any annotation named {@code Nullable} (JSpecify's, Jakarta's...) is read
 * the same way.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Nullable {
}
