<%@ page contentType="text/html;charset=UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
<%@ include file="head.jspf" %>
</head>
<%-- without Nex, the page hands htmx the CSRF token itself --%>
<body hx-headers='{"X-CSRF-TOKEN": "${mvc.csrf.token}"}'>
<%@ include file="page-body.jspf" %>
</body>
</html>
