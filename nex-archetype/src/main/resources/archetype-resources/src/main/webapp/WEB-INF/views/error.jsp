<%@ page contentType="text/html;charset=UTF-8" session="false" %>${mvc.encoders.html(errors.note)}
