package dev.nex.jakarta.impl.upload;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * A member of a {@code @BeanParam} class that JAX-RS may fill: a field or a method, with the type it takes
 * ({@code null} for a method without exactly one parameter, which no setter is).
 */
public record BeanParamMember(AnnotatedElement element, Class<?> type) {

    /** The fields and methods of {@code bean}, its superclasses included. */
    public static List<BeanParamMember> allOf(Class<?> bean) {
        List<BeanParamMember> members = new ArrayList<>();
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                members.add(new BeanParamMember(field, field.getType()));
            }
            for (Method method : type.getDeclaredMethods()) {
                members.add(new BeanParamMember(method,
                        method.getParameterCount() == 1 ? method.getParameterTypes()[0] : null));
            }
        }
        return members;
    }
}
