<%@ page contentType="text/html;charset=UTF-8" %><%@ include file="page-body.jspf" %>
