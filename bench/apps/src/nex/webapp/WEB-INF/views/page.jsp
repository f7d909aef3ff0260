<%@ page contentType="text/html;charset=UTF-8" session="false" %><%@ include file="page-body.jspf" %>
