<%@ page contentType="text/html;charset=UTF-8" %><span id="count">${count}</span>
