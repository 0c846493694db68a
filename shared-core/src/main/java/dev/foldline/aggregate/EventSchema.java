package dev.foldline.aggregate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a typed event record is stored: its event name (the record's simple name when left empty)
 * and the schema version of the shape the record has (1 unless changed). Set the name before a
 * class is ever renamed: stored envelopes name events by it, so it must never change.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSchema {

    String name() default "";

    int version() default 1;
}
