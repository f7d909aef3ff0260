<%@ page contentType="text/html;charset=UTF-8" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Nex for Jakarta EE — sample</title>
</head>
<body>
  <h1>Nex for Jakarta EE</h1>
  <p id="status">The sample is running on ${pageContext.servletContext.serverInfo}.
     The cart, counter and wizard pages come with the sample issue.</p>
</body>
</html>
