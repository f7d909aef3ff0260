<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Nex app</title>
  <%-- 400 answers carry a message to show: swap them like successes --%>
  <meta name="htmx-config" content='{"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"400","swap":true,"error":false},{"code":"[45]..","swap":false,"error":true}]}'>
  <%-- Nex serves htmx from its WebJar --%>
  <script src="${pageContext.request.contextPath}/nex/htmx.min.js"></script>
</head>
<body>
  <main>
${innerContent}
  </main>
</body>
</html>
