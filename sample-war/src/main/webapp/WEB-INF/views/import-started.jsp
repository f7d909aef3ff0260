<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<span id="state">Importing…</span>
