<%@ page contentType="text/html;charset=UTF-8" %>${mvc.encoders.html(error)}
