<%@ page contentType="text/html;charset=UTF-8" session="false" %><%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
<%@ include file="head.jspf" %>
</head>
<body>
<%@ include file="page-body.jspf" %>
</body>
</html>
