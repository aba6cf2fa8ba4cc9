package org.vendinghub.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body type that refuses JSON properties it does not know (a typo such as {@code "amuontMinor"} is a 400
 * naming the property, never a silently ignored value). Only annotated types are strict: JSON the hub receives from
 * other systems (callbacks that add fields over time) keeps Jackson's lenient default. See {@link StrictJsonModule}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StrictJson {
}
